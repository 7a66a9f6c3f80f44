// nan_overhead.cc: legacy_overhead.cc as NAN code would write it.
#include <nan.h>

namespace {

NAN_METHOD(Next) {
  info.GetReturnValue().Set(
      Nan::New<v8::Integer>(Nan::To<int32_t>(info[0]).FromJust() + 1));
}

NAN_MODULE_INIT(Init) { Nan::SetMethod(target, "next", Next); }

}  // namespace

NODE_MODULE(nan_overhead, Init)
