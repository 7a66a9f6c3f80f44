# cmd_clean.py: `node-waf clean`: removes what build made, keeps the
# configuration (as waf's clean did).
import os
import shutil

from waf_errors import WafStop


def remove_outputs(project, state):
    for path in state.get('outputs', []):
        if os.path.lexists(path):
            os.remove(path)
    state['outputs'] = []
    shutil.rmtree(os.path.join(project.gyp_dir, 'build'), ignore_errors=True)


def run(project):
    if not project.configured():
        raise WafStop('Nothing to clean (project not configured)')
    state = project.load_state()
    remove_outputs(project, state)
    project.save_state(state)
