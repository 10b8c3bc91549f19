# args: -c schema.yaml
# expect-none: DL3058
FROM debian:12
LABEL contact=first.last+tag@mail.example.org
