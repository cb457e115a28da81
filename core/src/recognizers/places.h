// Places smaller than a state: named places (hospitals, clinics, counties, and
// proper names after "seen at" / "admitted to"), cities, and street addresses.
#pragma once

#include "recognizer.h"

namespace phimask::detail {

std::vector<const char*> named_place_roles();
std::unique_ptr<Recognizer> make_named_place(RoleTable table, double score);

std::vector<const char*> city_roles();
std::unique_ptr<Recognizer> make_city(RoleTable table, double score);

std::vector<const char*> street_address_roles();
std::unique_ptr<Recognizer> make_street_address(RoleTable table, double score);

}  // namespace phimask::detail
