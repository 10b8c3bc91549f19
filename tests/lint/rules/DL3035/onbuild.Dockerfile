# expect: DL3035:3
FROM opensuse/leap:15.6
ONBUILD RUN zypper -n dup
