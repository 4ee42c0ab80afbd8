"""The choices of citizens' feedback, without the database layer: the command-line parser
needs them at every start, and importing the services would load SQLAlchemy first."""

#: Levels of satisfaction, as the national public-service portal asks them.
LEVELS = {"dissatisfied": 1, "satisfied": 2, "very-satisfied": 3}

#: Criteria a citizen may rate one by one (Nghị định 61/2018 art. 33, as the portal groups them).
CRITERIA = {
    "time": "Thời gian giải quyết",
    "attitude": "Thái độ, tác phong của công chức",
    "guidance": "Hướng dẫn đầy đủ, dễ hiểu",
    "supplement": "Số lần phải bổ sung hồ sơ",
    "visits": "Số lần phải đi lại",
    "cost": "Chi phí thực hiện",
    "publicity": "Công khai, minh bạch",
}

KINDS = {"complaint": "Phản ánh", "suggestion": "Kiến nghị"}
STATUSES = {"received": "Đã tiếp nhận", "processing": "Đang xử lý", "resolved": "Đã giải quyết"}
CHANNELS = ("direct", "phone", "online", "mail")
SOURCES = ("desk", "qr", "online", "phone")
