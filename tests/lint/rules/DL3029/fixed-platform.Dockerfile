# expect: DL3029:2
FROM --platform=linux/amd64 debian:12
