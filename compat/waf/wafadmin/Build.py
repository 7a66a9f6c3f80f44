# Build: waf 1.5's module of the build context.  `Build.bld` is the build
# context of the running (or last) build, as shutdown hooks read it.
from waf_build import BuildContext, BuildError  # noqa: F401

bld = None
