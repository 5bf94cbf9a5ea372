#!/usr/bin/env bash
# The speed benchmark (see README, "Speed"): builds the tool, then synthetic books of 10, 100 and 1,000
# chapters as fresh processes, and prints a Markdown table. Usage: bench/run.sh [RUNS] [SIZES...]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests package test-compile
CP="target/test-classes:$(mvn -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
java -cp "$CP" org.bookbinder.bench.Benchmark "$@"
