# cmd_distclean.py: `node-waf distclean`: removes the configuration and what
# build made.  Divergence: waf removed the whole build folder; we remove what
# node-waf made there (then the folders left empty), so that a node-gyp
# build sharing build/ (build/Release from a binding.gyp) survives.
import os
import shutil

import cmd_clean


def _prune(folder, stop):
    """Removes folder and its parents up to stop while they are empty."""
    folder = os.path.normpath(folder)
    while (folder == stop or folder.startswith(stop + os.sep)) and \
            os.path.isdir(folder):
        try:
            os.rmdir(folder)
        except OSError:
            return
        if folder == stop:
            return
        folder = os.path.dirname(folder)


def run(project):
    folders = set()
    if os.path.isdir(project.cachedir):
        state = project.load_state()
        folders.update(os.path.dirname(p) for p in state.get('outputs', []))
        cmd_clean.remove_outputs(project, state)
        for folder in state.get('config_headers', []):
            header = os.path.join(folder, 'config.h')
            if os.path.isfile(header):
                os.remove(header)
            folders.add(folder)
    for path in (project.cachedir, project.gyp_dir):
        shutil.rmtree(path, ignore_errors=True)
    for path in (os.path.join(project.blddir, 'config.log'),
                 project.lockfile):
        if os.path.lexists(path):
            os.remove(path)
    # The variant folders, even when an earlier clean emptied them.
    folders.update((project.variant_dir,
                    os.path.join(project.blddir, 'Release')))
    for folder in sorted(folders, key=len, reverse=True):
        _prune(folder, project.blddir)
