# expect: DT1004:3 DT1004:4
FROM debian:12
ONBUILD ADD http://example.com/data.csv /data/
ADD ["https://example.com/a b.txt", "/data/"]
