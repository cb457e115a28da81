// Person names: given names and surnames from lexicons, titles, initials,
// "Last, First", cue phrases ("my name is", "son of"), and the evidence that
// keeps everyday words ("Will", "May", "Hope") and medical eponyms out.
#pragma once

#include "recognizer.h"

namespace phimask::detail {

std::vector<const char*> person_name_roles();
std::unique_ptr<Recognizer> make_person_name(RoleTable table, double score);

}  // namespace phimask::detail
