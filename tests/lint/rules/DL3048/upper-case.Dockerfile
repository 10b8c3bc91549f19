# expect: DL3048:3
FROM debian:12
LABEL MyLabel=1
