#include <climits>
#include <iterator>
#include <cstdlib>

#include "engine_core.h"
#include "patterns.h"

namespace phimask::detail {

std::vector<CompiledPattern> build_pattern_table(const PolicyData& data, const std::vector<unsigned>& widths) {
    std::vector<CompiledPattern> table;
    for (std::uint32_t d = 0; d < data.detectors.size(); ++d) {
        const auto& det = data.detectors[d];
        for (std::uint32_t p = 0; p < det.patterns.size(); ++p) {
            const auto& pat = det.patterns[p];
            hs_expr_info_t* info = nullptr;
            hs_compile_error_t* error = nullptr;
            unsigned width = kMaxPatternWidth;
            if (table.size() < widths.size()) {
                width = widths[table.size()];
            } else if (hs_expression_info(full_expression(pat).c_str(), expression_flags(det), &info, &error) ==
                       HS_SUCCESS) {
                if (info->max_width != UINT_MAX) width = info->max_width;
                std::free(info);
            } else {
                hs_free_compile_error(error);
            }
            table.push_back({d, p, width, pat.score.value_or(det.score), !pat.label.empty(), !pat.trailer.empty()});
        }
    }
    return table;
}

namespace {

/// Expressions for one database, each with its Hyperscan id (the pattern's
/// index in the table) and where an error in it is reported.
struct ExpressionSet {
    std::vector<std::string> expressions;
    std::vector<unsigned> flags;
    std::vector<unsigned> ids;
    std::vector<std::string> pointers;
    std::vector<const std::string*> detectors;

    void add(std::string expression, unsigned f, unsigned id, std::string pointer, const std::string& detector) {
        expressions.push_back(std::move(expression));
        flags.push_back(f);
        ids.push_back(id);
        pointers.push_back(std::move(pointer));
        detectors.push_back(&detector);
    }
};

/// Compiles `set` with `extra_flags` added to every expression.
Result<HsDatabase> compile_set(const ExpressionSet& set, unsigned extra_flags) {
    std::vector<const char*> exprs;
    exprs.reserve(set.expressions.size());
    for (const auto& e : set.expressions) exprs.push_back(e.c_str());
    std::vector<unsigned> flags = set.flags;
    for (auto& f : flags) f |= extra_flags;
    hs_database_t* db = nullptr;
    hs_compile_error_t* error = nullptr;
    hs_error_t rc = hs_compile_multi(exprs.data(), flags.data(), set.ids.data(), static_cast<unsigned>(exprs.size()),
                                     HS_MODE_BLOCK, nullptr, &db, &error);
    if (rc != HS_SUCCESS) {
        std::string message = error != nullptr ? error->message : "compilation failed";
        int index = error != nullptr ? error->expression : -1;
        hs_free_compile_error(error);
        if (index >= 0 && static_cast<std::size_t>(index) < set.pointers.size()) {
            const auto i = static_cast<std::size_t>(index);
            return Status(ErrorCode::kPolicy, "Hyperscan cannot compile the pattern: " + message, set.pointers[i],
                          *set.detectors[i]);
        }
        return Status(ErrorCode::kInternal, "Hyperscan cannot compile the policy's patterns: " + message);
    }
    return HsDatabase(db);
}

}  // namespace

Result<Databases> compile_databases(const PolicyData& data) {
    if (data.detectors.empty()) {
        return Status(ErrorCode::kPolicy, "the policy has no detectors: nothing would ever be redacted", "/detectors");
    }
    ExpressionSet all, labels, trailers;
    unsigned id = 0;
    for (const auto& det : data.detectors) {
        const unsigned f = expression_flags(det);
        for (const auto& pat : det.patterns) {
            all.add(full_expression(pat), f, id, pat.pointer, det.name);
            if (!pat.label.empty()) labels.add(label_expression(pat), f, id, field_pointer(pat, "label"), det.name);
            if (!pat.trailer.empty()) {
                trailers.add(trailer_expression(pat), f, id, field_pointer(pat, "trailer"), det.name);
            }
            ++id;
        }
    }
    Databases dbs;
    if (all.expressions.empty()) return dbs;  // recognizers only: nothing for Hyperscan
    auto scan = compile_set(all, 0);
    if (!scan.ok()) return scan.status();
    dbs.scan = std::move(scan).value();
    auto som = compile_set(all, HS_FLAG_SOM_LEFTMOST);
    if (!som.ok()) return som.status();
    dbs.som = std::move(som).value();
    if (!labels.expressions.empty()) {
        auto compiled = compile_set(labels, 0);
        if (!compiled.ok()) return compiled.status();
        dbs.labels = std::move(compiled).value();
    }
    if (!trailers.expressions.empty()) {
        auto compiled = compile_set(trailers, HS_FLAG_SOM_LEFTMOST);
        if (!compiled.ok()) return compiled.status();
        dbs.trailers = std::move(compiled).value();
    }
    return dbs;
}

Status check_options(const PolicyData& data, const EngineOptions& options, unsigned max_width) {
    bool needs_key = data.default_action.kind == Action::kHash;
    for (const auto& [type, action] : data.type_actions) needs_key |= action.kind == Action::kHash;
    for (const auto& d : data.detectors) needs_key |= d.action && d.action->kind == Action::kHash;
    if (needs_key && options.hash_key.empty()) {
        return Status(ErrorCode::kKey, "the policy uses the hash action but no hash key was supplied");
    }
    const std::size_t min_chunk = 2 * (static_cast<std::size_t>(max_width) + 2) + 1;
    if (options.chunk_bytes < min_chunk || options.chunk_bytes >= (std::size_t{1} << 32)) {
        return Status(ErrorCode::kInput, "chunk_bytes must be at least " + std::to_string(min_chunk) +
                                             " (twice the longest match) and below 4 GiB");
    }
    return {};
}

namespace {

/// The recognizer of detector `d` with its lexicons and terms in one role
/// table; its terms also go into `terms` from bit `next_term_bit` on, while
/// they fit. Its "common" role's lexicons and terms are added to `everyday`.
std::unique_ptr<Recognizer> build_recognizer(const PolicyData& data, const DetectorSpec& d, TermIndex& terms,
                                             unsigned& next_term_bit, EverydayWords& everyday) {
    if (d.recognizer.empty()) return nullptr;
    const RecognizerInfo* info = find_recognizer(d.recognizer);
    if (info == nullptr) return nullptr;
    RoleTable table;
    for (const auto& [role, names] : d.lexicons) {
        const int r = role_index(*info, role);
        for (const auto& name : names) {
            // Lexicon i of the index is the i-th of data.lexicons (a sorted map).
            auto it = data.lexicons.find(name);
            const auto index = static_cast<unsigned>(std::distance(data.lexicons.begin(), it));
            if (r >= 0 && it != data.lexicons.end()) table.add_lexicon(index, static_cast<unsigned>(r));
            if (role == "common" && it != data.lexicons.end()) everyday.lexicons |= RoleBits{1} << index;
        }
    }
    for (const auto& [role, words] : d.terms) {
        const int r = role_index(*info, role);
        if (r >= 0) table.add_terms(words, static_cast<unsigned>(r));
    }
    table.finish();
    const auto roles = static_cast<unsigned>(info->roles.size());
    if (table.share(terms, next_term_bit, roles)) {
        const int common = role_index(*info, "common");
        if (common >= 0) everyday.terms |= RoleBits{1} << (next_term_bit + static_cast<unsigned>(common));
        next_term_bit += roles;
    }
    return info->make(std::move(table), d.score);
}

}  // namespace

Result<std::shared_ptr<EngineCore>> EngineCore::create(Policy policy, EngineOptions options, Databases dbs,
                                                      const std::vector<unsigned>& widths) {
    std::shared_ptr<EngineCore> core(new EngineCore(std::move(policy), std::move(options), std::move(dbs)));
    const PolicyData& data = core->data();
    core->patterns_ = build_pattern_table(data, widths);
    for (const auto& p : core->patterns_) core->max_width_ = std::max(core->max_width_, p.max_width);
    Status s = check_options(data, core->options_, core->max_width_);
    if (!s.ok()) return s;
    unsigned next_term_bit = 0;
    for (const auto& d : data.detectors) {
        core->context_matchers_.emplace_back(d.context);
        ContextSpec negative;
        negative.words = d.negative_context.words;
        negative.window = d.negative_context.window;
        core->negative_matchers_.emplace_back(negative);
        core->recognizers_.push_back(build_recognizer(data, d, core->term_index_, next_term_bit, core->everyday_words_));
        core->has_recognizers_ |= core->recognizers_.back() != nullptr;
        if (data.lexicons.size() > phrase_bits::kMaxMembers) {
            return Status(ErrorCode::kPolicy, "a policy may use at most " + std::to_string(phrase_bits::kMaxMembers) +
                                                  " lexicons", "/lexicons");
        }
        if (!d.recognizer.empty() && core->recognizers_.back() == nullptr) {
            return Status(ErrorCode::kEngineFile, "the engine needs recognizer '" + d.recognizer +
                                                      "', which this phimask does not have");
        }
        core->validators_.push_back(d.validator.empty() ? nullptr : find_validator(d.validator));
        if (!d.validator.empty() && core->validators_.back() == nullptr) {
            return Status(ErrorCode::kEngineFile, "the engine needs validator '" + d.validator +
                                                      "', which this phimask does not have");
        }
    }
    std::vector<std::string_view> lexicon_lists;
    for (const auto& [name, lexicon] : data.lexicons) lexicon_lists.push_back(lexicon->text);
    core->lexicon_index_.build(lexicon_lists);
    core->term_index_.finish();
    core->surrogate_names_ = SurrogateNames::build(data);
    hs_scratch_t* scratch = nullptr;
    for (hs_database_t* db : {core->dbs_.scan.get(), core->dbs_.som.get(), core->dbs_.labels.get(),
                              core->dbs_.trailers.get()}) {
        if (db != nullptr && hs_alloc_scratch(db, &scratch) != HS_SUCCESS) {
            hs_free_scratch(scratch);
            return Status(ErrorCode::kInternal, "Hyperscan could not allocate scratch space");
        }
    }
    core->pool_ = std::make_unique<ContextPool>(HsScratch(scratch));
    return core;
}

}  // namespace phimask::detail
