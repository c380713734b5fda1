#!/usr/bin/env bash
# The text report as a terminal of 80 and 160 columns shows it, captured through a real
# pseudo-terminal (util-linux `script`), so that width fitting runs as it does for a
# person; NO_COLOR keeps the files plain text. Writes docs/tty-80.txt and docs/tty-160.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONPATH="$PWD/src" NO_COLOR=1 LANG=C.UTF-8
for width in 80 160; do
    out="docs/tty-$width.txt"
    {
        for args in "examples/draft.txt" "--lang en examples/draft.txt"; do
            echo "\$ postcheck $args"
            # shellcheck disable=SC2086
            script -q -e -c "stty cols $width rows 60; python -m postcheck $args" /dev/null | tr -d '\r' || true
            echo
        done
    } > "$out"
    echo "wrote $out"
done
