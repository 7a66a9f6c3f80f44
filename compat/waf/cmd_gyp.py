# cmd_gyp.py: `node-waf --gyp`: the wscript as a binding.gyp to keep, for a
# permanent move to node-gyp.  It is what node-waf build builds, with paths
# relative to the addon's folder and a copy of the module to build/default
# (where old JavaScript loads it from).
import os
import subprocess
import sys

import Logs
import cmd_build
import cmd_configure
import gyp_writer
from waf_errors import WafStop

_MARK = 'written by node-waf --gyp'


def run(project):
    options = project.options
    if not project.configured():
        Logs.info('node-waf: not configured yet: running configure first')
        cmd_configure.run(project)
    bld, state = cmd_build.record(project)
    targets, addons = gyp_writer.targets(bld, state, project.topdir,
                                         layout=True)
    names = ', '.join(addon[0] for addon in addons)
    comment = (
        'binding.gyp: %s, %s from wscript (node-waf-compat).\n'
        'Build with node-gyp (npx compat-gyp rebuild, or npm install with\n'
        'node-waf-compat in "dependencies"): build/Release/NAME.node, copied\n'
        'to build/default/ where node-waf put it.' % (names, _MARK))
    text = gyp_writer.render(targets, comment)
    if options.gyp_out == '-':
        out = getattr(project, 'gyp_stdout', sys.stdout)
        out.write(text)
        out.flush()
        return
    out = os.path.join(project.topdir, options.gyp_out)
    if os.path.exists(out) and not options.force:
        with open(out) as handle:
            if _MARK not in handle.read():
                raise WafStop('%s exists and was not written by node-waf: '
                              'pass --force to replace it, or --gyp-out=FILE '
                              '(- for standard output)' % options.gyp_out)
    with open(out, 'w') as handle:
        handle.write(text)
    Logs.info('node-waf: wrote %s' % os.path.relpath(out))
    probe = subprocess.run(
        [project.node, '-e', "require.resolve('node-waf-compat')"],
        cwd=project.topdir, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    if probe.returncode != 0:
        Logs.warn('node-waf: node-waf-compat is not installed here; the '
                  'binding.gyp needs it: npm install node-waf-compat (and '
                  'keep it in "dependencies")')
