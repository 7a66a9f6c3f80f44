# cmd_distclean.py: `node-waf distclean`: removes the configuration and what
# build made.  Divergence: waf removed the whole build folder; we remove
# what node-waf made there, and the folder itself when nothing else is left,
# so that a node-gyp build sharing build/ (build/Release from a binding.gyp)
# survives.
import os
import shutil

import cmd_clean


def run(project):
    if os.path.isdir(project.cachedir):
        state = project.load_state()
        cmd_clean.remove_outputs(project, state)
    for path in (project.cachedir, project.gyp_dir, project.variant_dir):
        shutil.rmtree(path, ignore_errors=True)
    for path in (os.path.join(project.blddir, 'config.log'),
                 project.lockfile):
        if os.path.lexists(path):
            os.remove(path)
    for folder in (os.path.join(project.blddir, 'Release'), project.blddir):
        try:
            os.rmdir(folder)
        except OSError:
            pass
