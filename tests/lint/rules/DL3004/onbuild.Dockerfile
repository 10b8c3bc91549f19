# expect: DL3004:3
FROM debian:12
ONBUILD RUN sudo make install
