"""Runs the bundled LossLens CLI (`_node/dist/cli.js`) with Node.js: $LOSSLENS_NODE, else `node` on PATH.

Arguments, standard input/output and the exit code are the CLI's own (on POSIX the process is
replaced by node). When no Node.js >= 20 is found it prints how to install one and exits 2, the
CLI's exit code for an error that is not a finding.
"""

import os
import re
import shutil
import subprocess
import sys

MIN_NODE_MAJOR = 20

INSTALL_HELP = """\
Install Node.js {minimum} or newer, then run the command again, for example:
  - an installer or binary from https://nodejs.org/en/download (Windows, macOS, Linux)
  - nvm (https://github.com/nvm-sh/nvm):  nvm install {minimum}
  - Homebrew:                            brew install node
  - conda:                               conda install -c conda-forge "nodejs>={minimum}"
(The `nodejs` packages of Debian 12 and Ubuntu 24.04 are Node.js 18: too old.)
Or set LOSSLENS_NODE to the path of a Node.js {minimum}+ executable."""


def _fail(reason):
    sys.stderr.write("losslens: {}\n{}\n".format(reason, INSTALL_HELP.format(minimum=MIN_NODE_MAJOR)))
    sys.exit(2)


def _find_node():
    explicit = os.environ.get("LOSSLENS_NODE")
    if explicit:
        found = shutil.which(explicit)
        if found is None:
            _fail("LOSSLENS_NODE={} is not an executable.".format(explicit))
        return found
    found = shutil.which("node")
    if found is None:
        _fail("LossLens runs on Node.js {}+, and no `node` was found on PATH.".format(MIN_NODE_MAJOR))
    return found


def _node_version(node):
    """`vMAJOR.MINOR.PATCH` as printed by `node --version`, or None when it does not run."""
    try:
        result = subprocess.run(
            [node, "--version"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            universal_newlines=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    version = result.stdout.strip()
    return version if result.returncode == 0 and re.match(r"^v\d+\.", version) else None


def main():
    node = _find_node()
    version = _node_version(node)
    if version is None:
        _fail("`{} --version` did not run; LossLens needs Node.js {}+.".format(node, MIN_NODE_MAJOR))
    if int(version[1:].split(".")[0]) < MIN_NODE_MAJOR:
        _fail("LossLens needs Node.js {}+, and {} is {}.".format(MIN_NODE_MAJOR, node, version))
    cli = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_node", "dist", "cli.js")
    command = [node, cli] + sys.argv[1:]
    if os.name == "nt":
        # Windows has no exec that keeps the console and exit code: wait for node instead.
        try:
            sys.exit(subprocess.call(command))
        except KeyboardInterrupt:
            sys.exit(130)
    sys.stdout.flush()
    os.execv(node, command)
