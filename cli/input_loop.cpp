#include "input_loop.h"

#include "diag.h"
#include "exit_codes.h"

namespace phimask::cli {

int run_inputs(const std::vector<std::string>& inputs, const InputStep& step) {
    Output out;
    bool blocked = false;
    for (const auto& name : inputs) {
        std::string context;
        Status status = step(name, out, blocked, context);
        if (!status.ok()) {
            (void)out.flush();
            report_error(status, context);
            return exit_code_for(status.code());
        }
    }
    Status status = out.flush();
    if (!status.ok()) {
        report_error(status);
        return kExitIo;
    }
    return blocked ? kExitBlocked : kExitOk;
}

}  // namespace phimask::cli
