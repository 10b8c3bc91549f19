# args: --trusted-registry registry.example.com
# expect: DL3026:4
FROM registry.example.com/base:1
COPY --from=quay.io/org/tools:1 /bin/tool /bin/
