/* extra_value.h: found through CPPFLAGS -I ../deps/extra. */
#define EXTRA_VALUE 100
