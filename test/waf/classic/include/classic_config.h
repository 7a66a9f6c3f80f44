/* classic_config.h: found through obj.includes = 'include'. */
#define CLASSIC_CONFIG "from include/"
