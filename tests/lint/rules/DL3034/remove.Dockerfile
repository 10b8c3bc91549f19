# expect: DL3034:3
FROM opensuse/leap:15.6
RUN zypper rm vim
