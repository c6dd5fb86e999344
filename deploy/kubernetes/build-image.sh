#!/usr/bin/env bash
# Build (and push) the students' image for Zero to JupyterHub from the student edition's
# own files (environment.yml, requirements.txt, wheels/) with repo2docker, plus nbgitpuller.
#
#   deploy/kubernetes/build-image.sh REPOSITORY REF IMAGE
#   e.g. deploy/kubernetes/build-image.sh https://github.com/example-university/pkedu-student \
#            main registry.example.org/pkedu/pkedu-student:2026-12-02
#
# Needs Docker (or Podman) and repo2docker: python3 -m pip install jupyter-repo2docker
set -euo pipefail
if [ $# -ne 3 ]; then
    echo "usage: $0 REPOSITORY REF IMAGE (see deploy/kubernetes/README.md)" >&2
    exit 2
fi
repository=$1 ref=$2 image=$3
# The image's home folder is replaced by each student's persistent volume, so the course
# reaches the students through nbgitpuller (the chart's singleuser.defaultUrl), not the image.
# rfc3987-syntax is removed: jsonschema loads it in every server and kernel, about 2.5 CPU
# seconds and 15 MB each, for string formats the course never checks (deploy/README.md).
jupyter-repo2docker --no-run --push --ref "$ref" --image-name "$image" \
    --user-name jovyan --user-id 1000 \
    --appendix 'RUN ${NB_PYTHON_PREFIX}/bin/python -m pip install --no-cache-dir "nbgitpuller>=1.3" && ${NB_PYTHON_PREFIX}/bin/python -m pip uninstall -y rfc3987-syntax' \
    "$repository"
echo "Built and pushed $image; set singleuser.image in config.yaml to it."
