# expect: DL3044:3
FROM debian:12
ENV A=1 B=${A}-2
