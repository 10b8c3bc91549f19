# args: --require-label contact:email
# expect-none: DL3058
FROM debian:12
LABEL contact=team@example.com
