# args: --trusted-registry registry.example.com
# expect: DL3026:3
FROM debian:12
