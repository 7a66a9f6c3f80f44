// cxxstd_0x.cc: cxxstd.cc again, for the target that asks for C++0x (one
// object file per source: gyp would put both targets' objects in one place).
#include "cxxstd.cc"
