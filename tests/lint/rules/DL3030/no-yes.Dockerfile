# expect: DL3030:3
FROM centos:7
RUN yum install httpd-2.4.6 && yum clean all
