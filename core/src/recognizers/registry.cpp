#include "recognizer.h"

#include "person_name.h"
#include "places.h"

namespace phimask::detail {

const std::vector<RecognizerInfo>& recognizers() {
    static const std::vector<RecognizerInfo> kAll = {
        {"person_name", person_name_roles(), &make_person_name},
        {"named_place", named_place_roles(), &make_named_place},
        {"city", city_roles(), &make_city},
        {"street_address", street_address_roles(), &make_street_address},
    };
    return kAll;
}

const RecognizerInfo* find_recognizer(std::string_view name) {
    for (const auto& r : recognizers()) {
        if (name == r.name) return &r;
    }
    return nullptr;
}

int role_index(const RecognizerInfo& info, std::string_view role) {
    for (std::size_t i = 0; i < info.roles.size(); ++i) {
        if (role == info.roles[i]) return static_cast<int>(i);
    }
    return -1;
}

}  // namespace phimask::detail
