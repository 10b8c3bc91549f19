# args: --require-label license:spdx
# expect-none: DL3054
FROM debian:12
LABEL license="(MIT OR Apache-2.0) AND GPL-2.0-only WITH Classpath-exception-2.0"
