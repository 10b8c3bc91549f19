# expect-none: DL3028
FROM ruby:3.3
RUN gem update --system
