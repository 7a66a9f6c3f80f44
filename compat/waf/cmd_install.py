# cmd_install.py: `node-waf install` and `node-waf uninstall`, as waf 1.5
# ran them for node-waf: build first, then copy each node module to its
# install path: obj.install_path if the wscript set one (None: not
# installed), else ${LIBDIR}, which node_addon set to $NODE_PATH or
# ~/.node_libraries at configure time (node still looks there).  uninstall
# removes those copies.  A module a wscript's own step built (its Makefile)
# had no task generator, so waf installed nothing for it either.
import os
import shutil

import Logs
import Utils
import cmd_build
import gyp_writer

_UNSET = object()


def _destinations(project, bld):
    """[(built module, folder it is installed in)] of the build."""
    result = []
    for tg in bld.task_gens:
        if tg.kind() != 'addon':
            continue
        folder = tg.attributes.get('install_path', _UNSET)
        if folder is _UNSET:
            folder = '${LIBDIR}'
        if not folder:
            continue
        folder = Utils.subst_vars(str(folder), tg.env)
        output, variant = gyp_writer.addon_output(tg, bld.srcdir)
        output = os.path.join(project.blddir, variant, output)
        destdir = getattr(project.options, 'destdir', '') or ''
        if destdir:
            folder = destdir + os.sep + folder.lstrip(os.sep)
        result.append((os.path.normpath(output), folder))
    return result


def run(project):
    bld = cmd_build.last_build(project)
    for module, folder in _destinations(project, bld):
        os.makedirs(folder, exist_ok=True)
        target = os.path.join(folder, os.path.basename(module))
        shutil.copy2(module, target)
        Logs.info('* installing %s as %s' % (
            os.path.relpath(module, project.topdir), target))


def run_uninstall(project):
    bld, _ = cmd_build.record(project)
    for module, folder in _destinations(project, bld):
        target = os.path.join(folder, os.path.basename(module))
        if os.path.exists(target):
            os.remove(target)
            Logs.info('* uninstalling %s' % target)
