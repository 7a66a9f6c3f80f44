# Environment: waf 1.5's module of that name (see waf_env.py).
from waf_env import Environment  # noqa: F401
