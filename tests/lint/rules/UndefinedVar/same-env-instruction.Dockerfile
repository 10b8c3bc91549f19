# expect: UndefinedVar:4
FROM debian:12
# The values of one ENV are expanded before any of its names is set.
ENV A=1 B=${A}
