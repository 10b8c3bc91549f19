# expect: DL3006:2
FROM debian
