# args: -c trusted.yaml
# expect: DL3026:4
FROM registry.example.com/base:1
FROM quay.io/org/app:1
