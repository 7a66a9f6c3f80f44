/* legacy_c.c: a .c file in a 'cxx' task generator, which node-waf compiled
 * as C++.  py2addon.cc declares these without extern "C": they link only
 * when this file is compiled as C++, as it was. */
int legacy_c_answer() { return 42; }

int legacy_c_is_cplusplus() {
#ifdef __cplusplus
  return 1;
#else
  return 0;
#endif
}
