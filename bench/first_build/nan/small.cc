// small.cc: legacy/small.cc ported to NAN, as its authors would have
// ported it, for bench/first_build.js.
#include <nan.h>

#include <string>

NAN_METHOD(Add) {
  if (info.Length() < 2 || !info[0]->IsNumber() || !info[1]->IsNumber()) {
    return Nan::ThrowTypeError("add(a, b): two numbers");
  }
  double sum = Nan::To<double>(info[0]).FromJust() +
               Nan::To<double>(info[1]).FromJust();
  info.GetReturnValue().Set(Nan::New(sum));
}

NAN_METHOD(Sum) {
  if (!info[0]->IsArray()) {
    return Nan::ThrowTypeError("sum(list): an array");
  }
  v8::Local<v8::Array> list = info[0].As<v8::Array>();
  double total = 0;
  for (uint32_t i = 0; i < list->Length(); i++) {
    v8::Local<v8::Value> item = Nan::Get(list, i).ToLocalChecked();
    total += Nan::To<double>(item).FromMaybe(0);
  }
  info.GetReturnValue().Set(Nan::New(total));
}

NAN_METHOD(Greet) {
  Nan::Utf8String name(info[0]);
  std::string text = std::string("hello, ") + (*name ? *name : "?");
  info.GetReturnValue().Set(Nan::New(text).ToLocalChecked());
}

NAN_METHOD(Apply) {
  if (!info[0]->IsFunction()) {
    return Nan::ThrowTypeError("apply(fn, x): a function");
  }
  v8::Local<v8::Function> fn = info[0].As<v8::Function>();
  v8::Local<v8::Value> argv[1] = {info[1]};
  Nan::MaybeLocal<v8::Value> result =
      Nan::Call(fn, Nan::GetCurrentContext()->Global(), 1, argv);
  if (!result.IsEmpty()) info.GetReturnValue().Set(result.ToLocalChecked());
}

NAN_MODULE_INIT(Init) {
  Nan::SetMethod(target, "add", Add);
  Nan::SetMethod(target, "sum", Sum);
  Nan::SetMethod(target, "greet", Greet);
  Nan::SetMethod(target, "apply", Apply);
  Nan::Set(target, Nan::New("version").ToLocalChecked(), Nan::New(1));
}

NODE_MODULE(small, Init)
