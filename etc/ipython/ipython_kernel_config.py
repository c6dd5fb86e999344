# Installed with pkedu into the environment's etc/ipython/, where IPython reads the
# configuration of every kernel started from that environment: each kernel loads
# pkedu.kernel, which explains a NameError after a restart ("run the first code cell,
# import pkedu as pk") and shows an unanswered ... as such. See pkedu/kernel.py.
c = get_config()  # noqa: F821 (IPython provides get_config in configuration files)
c.InteractiveShellApp.extensions.append("pkedu.kernel")
