"""JupyterHub configuration for teaching pkedu on one server.

Every student logs in, gets their own JupyterLab server running in one shared
course environment (deploy/requirements-user.txt, installed once by the
administrator), and lands on the course through an nbgitpuller link: the first
visit clones the student edition into their home folder, later visits pull the
instructor's new commits without overwriting anything the student wrote.

Start it with ``jupyterhub -f deploy/jupyterhub_config.py`` (see deploy/README.md).
Settings come from environment variables so that this file stays as shipped:

PKEDU_COURSE_REPO     git URL of the student edition (required), e.g.
                      https://github.com/example-university/pkedu-student
PKEDU_COURSE_BRANCH   its branch (default: main)
PKEDU_COURSE_FOLDER   folder the edition is cloned into in each home (default: pkedu)
PKEDU_COURSE_OPEN     notebook opened after the pull (default: notebooks/00_start_here.ipynb)
PKEDU_USER_ENV        prefix of the shared course environment (default: /opt/pkedu/user)
PKEDU_MEM_LIMIT       memory limit per student server, kernels included (default: 1G)
PKEDU_CPU_LIMIT       CPU cores per student server (default: 1)
PKEDU_IDLE_TIMEOUT    seconds of inactivity before a server is stopped (default: 3600)
PKEDU_ADMINS          comma-separated user names with admin rights (default: none)
PKEDU_CLASS_LIST      file with one allowed user name per line
                      (default: /etc/pkedu/class-list.txt; without it only admins log in)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import urlencode

c = get_config()  # noqa: F821 (JupyterHub provides get_config when it loads this file)


def setting(name: str, default: str) -> str:
    """An environment setting, with surrounding spaces removed."""
    return os.environ.get(name, default).strip()


def git_pull_path(repo: str, branch: str, folder: str, notebook: str) -> str:
    """The nbgitpuller link below a user's server that clones or updates ``repo``.

    ``targetpath`` is given explicitly: without it nbgitpuller names the folder after
    the last part of the URL (``pkedu-student.git`` for a URL ending in ``.git``).
    """
    query = urlencode({"repo": repo, "branch": branch, "targetpath": folder,
                       "urlpath": f"lab/tree/{folder}/{notebook}"})
    return f"/git-pull?{query}"


COURSE_REPO = setting("PKEDU_COURSE_REPO", "")
COURSE_BRANCH = setting("PKEDU_COURSE_BRANCH", "main")
COURSE_FOLDER = setting("PKEDU_COURSE_FOLDER", "pkedu")
COURSE_OPEN = setting("PKEDU_COURSE_OPEN", "notebooks/00_start_here.ipynb")
USER_ENV = Path(setting("PKEDU_USER_ENV", "/opt/pkedu/user"))
MEM_LIMIT = setting("PKEDU_MEM_LIMIT", "1G")
CPU_LIMIT = float(setting("PKEDU_CPU_LIMIT", "1"))
IDLE_TIMEOUT = int(setting("PKEDU_IDLE_TIMEOUT", "3600"))
ADMINS = {name.strip() for name in setting("PKEDU_ADMINS", "").split(",") if name.strip()}
CLASS_LIST = Path(setting("PKEDU_CLASS_LIST", "/etc/pkedu/class-list.txt"))

if not COURSE_REPO:
    sys.exit("jupyterhub_config.py: set PKEDU_COURSE_REPO to the git URL of the pkedu "
             "student edition (see deploy/README.md).")
if not (USER_ENV / "bin" / "jupyterhub-singleuser").exists():
    sys.exit(f"jupyterhub_config.py: no course environment at {USER_ENV} (no "
             "bin/jupyterhub-singleuser); create it as deploy/README.md says, or set "
             "PKEDU_USER_ENV.")

# --- the hub ------------------------------------------------------------------------------
c.JupyterHub.bind_url = "http://:8000"  # put HTTPS in front (deploy/README.md)
c.JupyterHub.cleanup_servers = False  # restarting the hub leaves students' servers running

# --- who may log in -------------------------------------------------------------------------
# First-use passwords, as on The Littlest JupyterHub: a student picks a password on
# their first login. Only names on the class list (and admins) are accepted.
c.JupyterHub.authenticator_class = "firstuseauthenticator.FirstUseAuthenticator"
c.Authenticator.admin_users = ADMINS
if CLASS_LIST.is_file():
    c.Authenticator.allowed_users = {
        line.strip() for line in CLASS_LIST.read_text().splitlines()
        if line.strip() and not line.lstrip().startswith("#")}

# --- each student's server ------------------------------------------------------------------
# systemd runs every server in its own unit with enforced memory and CPU limits and a
# private user and home folder (no system accounts to create).
c.JupyterHub.spawner_class = "systemdspawner.SystemdSpawner"
c.SystemdSpawner.dynamic_users = True
c.Spawner.cmd = [str(USER_ENV / "bin" / "jupyterhub-singleuser")]
c.Spawner.environment = {
    # Terminals, git (used by nbgitpuller) and kernels find the course environment first.
    "PATH": f"{USER_ENV / 'bin'}:/usr/local/bin:/usr/bin:/bin",
    # Whole repository history is not needed; a shallow clone is quicker on class day.
    "NBGITPULLER_DEPTH": "1",
}
c.Spawner.default_url = git_pull_path(COURSE_REPO, COURSE_BRANCH, COURSE_FOLDER, COURSE_OPEN)

# Server extensions a student's server does not load (each costs memory in every student's
# server; docs/classroom-hub.md, "Memory"): nbgrader's instructor tools, when nbgrader is
# installed on the hub for grading (students keep its Assignments list), and the
# language-server bridge, which finds no language server in the course environment.
# Admins (the instructors) keep every extension.
STUDENT_OFF_EXTENSIONS = ("nbgrader.server_extensions.formgrader",
                          "nbgrader.server_extensions.course_list", "jupyter_lsp")


def student_server_args(spawner) -> None:  # noqa: ANN001 (a JupyterHub Spawner)
    """Switch off STUDENT_OFF_EXTENSIONS in a student's server (pre-spawn hook)."""
    if spawner.user.admin:
        return
    off = [f"--ServerApp.jpserver_extensions={name}=False" for name in STUDENT_OFF_EXTENSIONS]
    spawner.args = [*spawner.args, *(arg for arg in off if arg not in spawner.args)]


c.Spawner.pre_spawn_hook = student_server_args
c.Spawner.mem_limit = MEM_LIMIT
c.Spawner.cpu_limit = CPU_LIMIT
c.Spawner.start_timeout = 120  # seconds; a class logging in at once queues on the CPU
c.Spawner.http_timeout = 120
c.JupyterHub.concurrent_spawn_limit = 50

# --- idle servers are stopped so their memory comes back --------------------------------------
c.JupyterHub.services = [{
    "name": "idle-culler",
    "command": [sys.executable, "-m", "jupyterhub_idle_culler",
                f"--timeout={IDLE_TIMEOUT}", "--cull-every=300"],
}]
c.JupyterHub.load_roles = [{
    "name": "idle-culler",
    "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
    "services": ["idle-culler"],
}]
