// Umbrella header: everything a C++ host needs.
#pragma once

#include "phimask/batch.h"
#include "phimask/engine.h"
#include "phimask/offsets.h"
#include "phimask/policy.h"
#include "phimask/span.h"
#include "phimask/stream.h"
#include "phimask/status.h"
#include "phimask/vault.h"
#include "phimask/version.h"
