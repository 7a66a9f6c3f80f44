# Configure: waf 1.5's module of the configuration context.
from waf_configure import (ConfigurationContext, ConfigurationError,  # noqa
                           conf, conftest, find_file, find_program_impl)

autoconfig = False
