# expect: DL3002:3
FROM debian:12
USER 0:0
