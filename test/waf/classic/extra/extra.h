/* extra.h: found through CPPPATH_EXTRA and obj.uselib = 'EXTRA'. */
#define EXTRA_VALUE 5
