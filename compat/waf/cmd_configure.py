# cmd_configure.py: `node-waf configure`: runs the wscript's configure(conf)
# and stores the result where waf did (build/c4che, .lock-wscript).
import os
import sys

import Utils
import waf_configure


def run(project):
    project.choose_dirs()
    os.makedirs(project.blddir, exist_ok=True)
    conf = waf_configure.ConfigurationContext(project)
    try:
        for what, value, default in (
                ('srcdir', project.srcdir, ('srcdir', 'top')),
                ('blddir', project.blddir, ('blddir', 'out'))):
            if not any(getattr(project.module, n, None) for n in default):
                conf.check_message_1('Setting %s to' % what)
                conf.check_message_2(value)
        conf.sub_config([project.topdir])
        conf.store()
        state = project.load_state()
        state.update({'provided': conf.provided,
                      'pkg_config': conf.pkg_config,
                      'config_headers': conf.config_headers})
        project.save_state(state)
        project.write_lock(['node-waf'] + sys.argv[1:])
        Utils.g_module = project.module
    finally:
        conf.close()
