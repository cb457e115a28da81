#include "workers.h"

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
                Result<RedactResult> result = redact_with(engine_, input_.utf8(), vault_.get());
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
            batch_ = std::make_unique<BatchRedactor>(engine_, utf8_views(inputs_), threads_);
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

/// A Buffer over `text`'s bytes, which it takes over (copied where the runtime forbids external buffers).
Napi::Value text_buffer(Napi::Env env, std::string text) {
    auto* owned = new std::string(std::move(text));
    return Napi::Buffer<char>::NewOrCopy(env, owned->data(), owned->size(),
                                         [](Napi::Env, char*, std::string* s) { delete s; }, owned);
}

class LinesWorker final : public PromiseWorker {
public:
    LinesWorker(Napi::Env env, Engine engine, LinesJob job)
        : PromiseWorker(env, "phimask.redactLines"), engine_(std::move(engine)), job_(std::move(job)) {}

    void Execute() override {
        try {
            result_ = redact_lines(engine_, job_.block, job_.options, 1,
                                   job_.blocked_line ? &*job_.blocked_line : nullptr);
        } catch (const std::exception& e) {
            status_ = status_from_exception(e);
        }
    }

    void OnOK() override {
        if (!status_.ok()) return reject(status_);
        resolve([&](Napi::Env env) -> Napi::Value {
            Napi::Array blocked = Napi::Array::New(env);
            Napi::Value error = env.Null();
            for (const LineNote& note : result_.notes) {
                if (note.outcome.kind == LineOutcome::Kind::kError) {  // always the last note
                    error = make_error(env, note.outcome.status, "line " + std::to_string(job_.first_line + note.line));
                    break;
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
            Napi::Array out = Napi::Array::New(env, 3);
            out.Set(0u, text_buffer(env, std::move(result_.text)));
            out.Set(1u, blocked);
            out.Set(2u, error);
            return out;
        });
    }

private:
    Engine engine_;
    LinesJob job_;
    Status status_;
    LinesResult result_;
};

/// Starts a worker (it deletes itself once its promise is settled) and returns its promise.
template <class Worker, class... Args>
Napi::Promise queue(Napi::Env env, Args&&... args) {
    auto* worker = new Worker(env, std::forward<Args>(args)...);
    Napi::Promise promise = worker->promise();
    worker->Queue();
    return promise;
}

}  // namespace

Napi::Promise queue_lines(Napi::Env env, const Engine& engine, LinesJob job) {
    return queue<LinesWorker>(env, engine, std::move(job));
}

Napi::Promise queue_scan(Napi::Env env, const Engine& engine, InputText input, ScanKind kind,
                         std::shared_ptr<SharedVault> vault) {
    return queue<ScanWorker>(env, engine, std::move(input), kind, std::move(vault));
}

Napi::Promise queue_batch(Napi::Env env, const Engine& engine, std::vector<InputText> inputs, std::size_t threads) {
    return queue<BatchWorker>(env, engine, std::move(inputs), threads);
}

}  // namespace phimask::js
