#include "workers.h"

#include <algorithm>
#include <memory>
#include <string>
#include <utility>

#include "errors.h"
#include "phimask/batch.h"
#include "values.h"

namespace phimask::js {
namespace {

/// Settles a promise on the main thread: rejects with the phimask error for a
/// Status, or resolves with what `build` makes (rejecting if building throws).
class PromiseWorker : public Napi::AsyncWorker {
public:
    PromiseWorker(Napi::Env env, const char* name) : Napi::AsyncWorker(env, name), deferred_(env) {}
    Napi::Promise promise() const { return deferred_.Promise(); }

protected:
    void reject(const Status& status, const std::string& where = {}) {
        deferred_.Reject(make_error(Env(), status, where));
    }

    template <class Build>
    void resolve(Build&& build) {
        try {
            deferred_.Resolve(build(Env()));
        } catch (const Napi::Error& e) {
            deferred_.Reject(e.Value());
        } catch (const std::exception& e) {
            reject(status_from_exception(e));
        }
    }

    /// Only reached if Execute() let an exception out (SetError): never its message.
    void OnError(const Napi::Error& /*error*/) override {
        deferred_.Reject(make_error(Env(), Status(ErrorCode::kInternal, "unexpected failure in the native addon")));
    }

private:
    Napi::Promise::Deferred deferred_;
};

class ScanWorker final : public PromiseWorker {
public:
    ScanWorker(Napi::Env env, Engine engine, InputText input, ScanKind kind, std::shared_ptr<SharedVault> vault)
        : PromiseWorker(env, kind == ScanKind::kRedact ? "phimask.redactAsync" : "phimask.detectAsync"),
          engine_(std::move(engine)), input_(std::move(input)), kind_(kind), vault_(std::move(vault)) {}

    void Execute() override {
        try {
            if (kind_ == ScanKind::kRedact) {
                Result<RedactResult> result = [&] {
                    if (!vault_) return engine_.redact(input_.utf8());
                    std::lock_guard<std::mutex> lock(vault_->mutex);
                    return engine_.redact(input_.utf8(), vault_->vault);
                }();
                if (!result.ok()) {
                    status_ = result.status();
                    return;
                }
                result_ = std::move(*result);
                to_caller_offsets(input_, result_.spans);
            } else {
                Result<std::vector<Span>> spans = engine_.detect(input_.utf8());
                if (!spans.ok()) {
                    status_ = spans.status();
                    return;
                }
                result_.spans = std::move(*spans);
                to_caller_offsets(input_, result_.spans);
            }
        } catch (const std::exception& e) {
            status_ = status_from_exception(e);
        }
    }

    void OnOK() override {
        if (!status_.ok()) return reject(status_);
        resolve([&](Napi::Env env) -> Napi::Value {
            if (kind_ == ScanKind::kRedact) return raw_result(env, result_, input_);
            return raw_spans(env, result_.spans);
        });
    }

private:
    Engine engine_;  // a copy: keeps the compiled engine alive even if its JavaScript object is collected
    InputText input_;
    ScanKind kind_;
    std::shared_ptr<SharedVault> vault_;  // shared: the JavaScript Vault may be collected meanwhile
    Status status_;
    RedactResult result_;
};

class BatchWorker final : public PromiseWorker {
public:
    BatchWorker(Napi::Env env, Engine engine, std::vector<InputText> inputs, std::size_t threads)
        : PromiseWorker(env, "phimask.redactManyAsync"), engine_(std::move(engine)), inputs_(std::move(inputs)),
          threads_(threads) {}

    void Execute() override {
        try {
            std::vector<std::string_view> texts;
            texts.reserve(inputs_.size());
            for (const InputText& input : inputs_) texts.push_back(input.utf8());
            batch_ = std::make_unique<BatchRedactor>(engine_, std::move(texts), threads_);
            for (std::size_t i = 0; i < inputs_.size(); ++i) {
                batch_->wait_for(i);
                if (!batch_->status(i).ok()) {
                    failed_ = i;
                    status_ = batch_->status(i);
                    batch_.reset();  // stops the workers here, off the main thread
                    return;
                }
                to_caller_offsets(inputs_[i], batch_->result(i).spans);
            }
        } catch (const std::exception& e) {
            status_ = status_from_exception(e);
        }
    }

    void OnOK() override {
        if (failed_ < inputs_.size()) return reject(status_, "texts[" + std::to_string(failed_) + "]");
        if (!status_.ok()) return reject(status_);
        resolve([&](Napi::Env env) -> Napi::Value {
            Napi::Array out = Napi::Array::New(env, inputs_.size());
            for (std::size_t i = 0; i < inputs_.size(); ++i) {
                out.Set(static_cast<uint32_t>(i), raw_result(env, batch_->result(i), inputs_[i]));
                batch_->release(i);
            }
            return out;
        });
    }

private:
    Engine engine_;
    std::vector<InputText> inputs_;
    std::size_t threads_;
    Status status_;
    std::unique_ptr<BatchRedactor> batch_;  // after inputs_: it borrows their texts
    std::size_t failed_ = static_cast<std::size_t>(-1);
};

class LinesWorker final : public PromiseWorker {
public:
    LinesWorker(Napi::Env env, Engine engine, LinesJob job)
        : PromiseWorker(env, "phimask.redactLines"), engine_(std::move(engine)), job_(std::move(job)) {}

    void Execute() override {
        try {
            result_ = redact_lines(engine_, job_.block, job_.options, job_.threads,
                                   job_.blocked_line ? &*job_.blocked_line : nullptr);
            lines_ = static_cast<std::size_t>(std::count(job_.block.begin(), job_.block.end(), '\n'));
            if (!job_.block.empty() && job_.block.back() != '\n') ++lines_;
        } catch (const std::exception& e) {
            status_ = status_from_exception(e);
        }
    }

    void OnOK() override {
        if (!status_.ok()) return reject(status_);
        resolve([&](Napi::Env env) -> Napi::Value {
            Napi::Array blocked = Napi::Array::New(env);
            double failed = -1;
            Napi::Value error = env.Null();
            for (const LineNote& note : result_.notes) {
                if (note.outcome.kind == LineOutcome::Kind::kError) {
                    failed = static_cast<double>(note.line);
                    error = make_error(env, note.outcome.status, "line " + std::to_string(job_.first_line + note.line));
                    continue;
                }
                Napi::Array types = Napi::Array::New(env, note.outcome.blocking_types.size());
                for (std::size_t k = 0; k < note.outcome.blocking_types.size(); ++k) {
                    types.Set(static_cast<uint32_t>(k), Napi::String::New(env, note.outcome.blocking_types[k]));
                }
                Napi::Array entry = Napi::Array::New(env, 2);
                entry.Set(0u, Napi::Number::New(env, static_cast<double>(note.line)));
                entry.Set(1u, types);
                blocked.Set(blocked.Length(), entry);
            }
            Napi::Array out = Napi::Array::New(env, 5);
            out.Set(0u, Napi::Buffer<char>::Copy(env, result_.text.data(), result_.text.size()));
            out.Set(1u, blocked);
            out.Set(2u, Napi::Number::New(env, static_cast<double>(lines_)));
            out.Set(3u, Napi::Number::New(env, failed));
            out.Set(4u, error);
            return out;
        });
    }

private:
    Engine engine_;
    LinesJob job_;
    Status status_;
    LinesResult result_;
    std::size_t lines_ = 0;
};

}  // namespace

Napi::Promise queue_lines(Napi::Env env, const Engine& engine, LinesJob job) {
    auto* worker = new LinesWorker(env, engine, std::move(job));
    Napi::Promise promise = worker->promise();
    worker->Queue();
    return promise;
}

Napi::Promise queue_scan(Napi::Env env, const Engine& engine, InputText input, ScanKind kind,
                         std::shared_ptr<SharedVault> vault) {
    auto* worker = new ScanWorker(env, engine, std::move(input), kind, std::move(vault));  // deletes itself once settled
    Napi::Promise promise = worker->promise();
    worker->Queue();
    return promise;
}

Napi::Promise queue_batch(Napi::Env env, const Engine& engine, std::vector<InputText> inputs, std::size_t threads) {
    auto* worker = new BatchWorker(env, engine, std::move(inputs), threads);
    Napi::Promise promise = worker->promise();
    worker->Queue();
    return promise;
}

}  // namespace phimask::js
