# expect: DL4005:3
FROM debian:12
ONBUILD RUN ln -s /bin/bash /bin/sh
