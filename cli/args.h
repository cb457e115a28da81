// Command-line parsing for the subcommands: long options ("--name VALUE",
// "--name=VALUE"), a few short ones ("-o VALUE"), "--" to end options, and "-"
// as a positional argument meaning standard input.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace phimask::cli {

struct OptionSpec {
    std::string_view name;  ///< long name without "--"
    char short_name;        ///< 0 when none
    bool takes_value;
};

class Args {
public:
    /// Parses argv[first, argc). On an unknown option, a missing value or a repeated
    /// option returns false with `error` set (the message names the option, which
    /// is never input text).
    bool parse(int argc, char** argv, int first, const std::vector<OptionSpec>& specs, std::string& error);

    bool has(std::string_view name) const { return options_.count(std::string(name)) != 0; }
    /// The option's value, or nullptr when absent (or a flag).
    const std::string* value(std::string_view name) const;
    const std::vector<std::string>& positional() const { return positional_; }

private:
    std::map<std::string, std::string> options_;
    std::vector<std::string> positional_;
};

}  // namespace phimask::cli
