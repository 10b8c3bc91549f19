# args: --require-label contact:email
# expect: DL3058:4
FROM debian:12
LABEL contact=a@b@example.com
