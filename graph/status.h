// graph/status.h -- Status and Result<T>: how every geokg library reports an error a user can
// cause (bad input, missing files, a busy or newer store). No exception crosses a module boundary.
// Values of these types are immutable once made and safe to share between threads.
#pragma once

#include <cassert>
#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace geokg {

enum class Code : uint8_t {
  kOk,
  kNotFound,
  kInvalidInput,
  kIOError,
  kCorruption,
  kBusy,
  kUnsupported,
  kNoSpace,  // the disk is full: freeing space and running the command again finishes the work
};

// The outcome of an operation: OK, or a code and a one-line message naming the thing and the
// place (no "Error:" prefix; the CLI adds "geokg: ").
class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status NotFound(std::string m) { return {Code::kNotFound, std::move(m)}; }
  static Status InvalidInput(std::string m) { return {Code::kInvalidInput, std::move(m)}; }
  static Status IOError(std::string m) { return {Code::kIOError, std::move(m)}; }
  static Status Corruption(std::string m) { return {Code::kCorruption, std::move(m)}; }
  static Status Busy(std::string m) { return {Code::kBusy, std::move(m)}; }
  static Status Unsupported(std::string m) { return {Code::kUnsupported, std::move(m)}; }
  static Status NoSpace(std::string m) { return {Code::kNoSpace, std::move(m)}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  Status(Code c, std::string m) : code_(c), message_(std::move(m)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A T, or the non-OK Status saying why there is none.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Status error) : v_(std::move(error)) { assert(!std::get<Status>(v_).ok()); }

  bool ok() const { return v_.index() == 0; }
  T& value() & {
    assert(ok());
    return std::get<T>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<T>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(v_));
  }
  Status status() const { return ok() ? Status() : std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace geokg

#define GEOKG_RETURN_IF_ERROR(expr)                       \
  do {                                                    \
    if (::geokg::Status s_ = (expr); !s_.ok()) return s_; \
  } while (0)
