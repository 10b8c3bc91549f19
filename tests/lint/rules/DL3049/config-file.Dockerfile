# args: -c schema.yaml
# expect: DL3049:3
FROM debian:12
LABEL maintainer=me
