"""The seven forms of Thông tư 03/2025/TT-VPCP, Phụ lục I (one-stop mechanism under Nghị định
118/2025/NĐ-CP): A5 portrait, the register A4 landscape.

Only words and block order live here; drawing is :mod:`desk_app.forms.render`. The next
circular gets its own module with its own ``LEGAL_VERSION`` and ``EFFECTIVE_FROM``.
"""

from __future__ import annotations

from datetime import date

from desk_app.forms.templates import (
    Barcode,
    Column,
    DocTable,
    Field,
    FormTemplate,
    Handovers,
    Header,
    Para,
    Recipients,
    Signatures,
    Signer,
    Title,
    register,
)

LEGAL_VERSION = "TT03/2025"
#: The annex's forms apply from the circular's signature (15/9/2025).
EFFECTIVE_FROM = date(2025, 9, 15)

NATION = {"nation": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "motto": "Độc lập - Tự do - Hạnh phúc"}
SIGN_HINT = "(Ký và ghi rõ họ tên)"
HEAD_HINT = "(Ký, ghi rõ họ tên và đóng dấu)"

DOC_COLUMNS = (
    Column("STT", "no", 0.7),
    Column("Tên giấy tờ", "name", 5.4, align="left"),
    Column("Bản chính", "original", 1.0),
    Column("Bản sao có chứng thực", "certified", 1.25),
    Column("Bản sao", "copy", 1.0),
)

APPLICANT_FIELDS = (
    Field("Ông/Bà:", "{applicant}", bold=True),
    Field("Người được ủy quyền nộp hồ sơ:", "{proxy}", skip_empty=True),
    Field("Địa chỉ:", "{address}"),
    Field("Số điện thoại, thư điện tử:", "{phone_email}"),
    Field("Nội dung yêu cầu giải quyết:", "{procedure}", bold=True),
)


RECEIPT = register(FormTemplate(
    form="receipt",
    legal_version=LEGAL_VERSION,
    effective_from=EFFECTIVE_FROM,
    form_no="Mẫu số 01",
    name="Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
    page="A5",
    labels={**NATION, "qr_caption": ("Quét mã QR để tra cứu tiến độ", "và đánh giá việc giải quyết hồ sơ")},
    copies=("Liên 1: Lưu", "Liên 2: Giao người nộp hồ sơ"),
    qr=True,
    base_size=9.3,
    blocks=(
        Header(),
        Title("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", lines=("Mã hồ sơ: **{code}**",), italic_lines=("({copy})",)),
        Barcode(),
        Para("**{unit_name}** đã tiếp nhận hồ sơ của:", align="left"),
        *APPLICANT_FIELDS,
        Para("1. Thành phần hồ sơ nộp gồm:", align="left"),
        DocTable(DOC_COLUMNS, blank_rows=2),
        Field("2. Số lượng hồ sơ:", "{sets} bộ"),
        Field("3. Thời gian giải quyết hồ sơ theo quy định:", "{duration}"),
        Field("4. Thời gian nhận hồ sơ:", "{received_at}"),
        Field("5. Thời gian trả kết quả giải quyết hồ sơ:", "{original_due_at}", bold=True),
        Field("6. Đăng ký nhận kết quả tại:", "{delivery}"),
        Field("7. Phí, lệ phí:", "{fee}"),
        Para("Vào sổ theo dõi hồ sơ, Quyển số {register_book}, Số thứ tự {register_no}.", style="italic",
             align="left"),
        Signatures(
            Signer("NGƯỜI NỘP HỒ SƠ", SIGN_HINT, name="{submitter}"),
            Signer("NGƯỜI TIẾP NHẬN HỒ SƠ", SIGN_HINT, name="{received_by}"),
            space=14,
        ),
    ),
))


SUPPLEMENT = register(FormTemplate(
    form="supplement",
    legal_version=LEGAL_VERSION,
    effective_from=EFFECTIVE_FROM,
    form_no="Mẫu số 02",
    name="Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
    page="A5",
    labels=NATION,
    base_size=10.0,
    blocks=(
        Header(),
        Title("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", lines=("Mã hồ sơ: **{code}**",)),
        Para("Hồ sơ của:", align="left"),
        *APPLICANT_FIELDS,
        Field("Thời gian nhận hồ sơ:", "{received_at}"),
        Para("Sau khi xem xét, {unit_name} đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:"),
        DocTable((
            Column("STT", "no", 0.7),
            Column("Giấy tờ cần bổ sung, hoàn thiện", "name", 5.4, align="left"),
            Column("Bản chính", "original", 1.0),
            Column("Bản sao có chứng thực", "certified", 1.25),
            Column("Bản sao", "copy", 1.0),
        ), blank_rows=2),
        Field("Lý do:", "{reason}"),
        Para("Thời gian giải quyết hồ sơ được tạm dừng từ {event_at} và tiếp tục được tính từ khi "
             "{unit_name} nhận đủ hồ sơ đã bổ sung, hoàn thiện."),
        Para("Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với "
             "{event_actor}, {unit_name} để được hướng dẫn./."),
        Signatures(None, Signer("NGƯỜI HƯỚNG DẪN", SIGN_HINT, name="{event_actor}")),
    ),
))


REFUSAL = register(FormTemplate(
    form="refusal",
    legal_version=LEGAL_VERSION,
    effective_from=EFFECTIVE_FROM,
    form_no="Mẫu số 03",
    name="Phiếu từ chối tiếp nhận giải quyết hồ sơ",
    page="A5",
    labels=NATION,
    base_size=10.0,
    blocks=(
        Header(),
        Title("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", lines=("Mã hồ sơ: **{code}**",)),
        Para("**{unit_name}** tiếp nhận hồ sơ của:", align="left"),
        *APPLICANT_FIELDS,
        Field("Thời gian nhận hồ sơ:", "{received_at}"),
        Para("Qua nghiên cứu, đối chiếu với các quy định hiện hành, {unit_name} từ chối tiếp nhận, "
             "giải quyết hồ sơ này với lý do như sau:"),
        Para("**{reason}**", indent=6),
        Para("Xin thông báo để Ông/Bà được biết và thực hiện./."),
        Signatures(None, Signer("NGƯỜI TIẾP NHẬN HỒ SƠ", SIGN_HINT, name="{event_actor}")),
    ),
))


APOLOGY = register(FormTemplate(
    form="apology",
    legal_version=LEGAL_VERSION,
    effective_from=EFFECTIVE_FROM,
    form_no="Mẫu số 04",
    name="Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết",
    page="A5",
    labels=NATION,
    base_size=10.0,
    blocks=(
        Header(number="Số: ........../VBXL"),
        Title("VĂN BẢN XIN LỖI\nVÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT"),
        Para("Kính gửi: Ông/Bà **{applicant}**", align="center"),
        Para("{unit_name} đã tiếp nhận hồ sơ của Ông/Bà vào {received_at}, đề nghị giải quyết thủ tục "
             "**{procedure}**.", indent=6),
        Field("Mã hồ sơ:", "{code}", bold=True),
        Field("Thời gian hẹn trả kết quả:", "{original_due_at}"),
        Para("Tuy nhiên, đến nay {resolving_unit} chưa giải quyết xong hồ sơ của Ông/Bà đúng thời gian "
             "hẹn ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.", indent=6),
        Field("Lý do:", "{reason}"),
        Para("{resolving_unit} xin lỗi Ông/Bà vì sự chậm trễ này và đề nghị được gia hạn thời gian giải "
             "quyết hồ sơ đến **{new_due_at}**.", indent=6),
        Para("Xin trân trọng cảm ơn./.", indent=6),
        Recipients("Nơi nhận:", ("- Như trên;", "- Lưu: VT, Bộ phận Một cửa.")),
        Signatures(None, Signer("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", HEAD_HINT), space=18),
    ),
))


STOP = register(FormTemplate(
    form="stop",
    legal_version=LEGAL_VERSION,
    effective_from=EFFECTIVE_FROM,
    form_no="Mẫu số 05",
    name="Thông báo dừng giải quyết hồ sơ",
    page="A5",
    labels=NATION,
    base_size=10.0,
    blocks=(
        Header(number="Số: ........../TB"),
        Title("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"),
        Para("Kính gửi: Ông/Bà **{applicant}**", align="center"),
        Para("{unit_name} đã tiếp nhận hồ sơ của Ông/Bà vào {received_at}, đề nghị giải quyết thủ tục "
             "**{procedure}**.", indent=6),
        Field("Mã hồ sơ:", "{code}", bold=True),
        Field("Thời điểm dừng giải quyết hồ sơ:", "{event_at}"),
        Field("Lý do dừng giải quyết hồ sơ:", "{reason}"),
        Para("{fee_refund}", indent=6),
        Para("Đề nghị Ông/Bà liên hệ {unit_name} để nhận lại hồ sơ, giấy tờ đã nộp (nếu có).", indent=6),
        Para("Xin thông báo để Ông/Bà được biết./.", indent=6),
        Recipients("Nơi nhận:", ("- Như trên;", "- Lưu: VT, Bộ phận Một cửa.")),
        Signatures(None, Signer("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", HEAD_HINT), space=18),
    ),
))


CONTROL = register(FormTemplate(
    form="control",
    legal_version=LEGAL_VERSION,
    effective_from=EFFECTIVE_FROM,
    form_no="Mẫu số 06",
    name="Phiếu kiểm soát quá trình giải quyết hồ sơ",
    page="A5",
    labels=NATION,
    shrink=False,
    blocks=(
        Header(),
        Title(
            "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
            lines=("Mã hồ sơ: **{code}**",),
            italic_lines=("(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả, Quyển số {register_book}, "
                          "Số thứ tự {register_no})",),
        ),
        Barcode(),
        Field("Người nộp hồ sơ:", "{applicant}", bold=True),
        Field("Thủ tục hành chính:", "{procedure}"),
        Field("Cơ quan, bộ phận chủ trì giải quyết:", "{resolving_unit}"),
        Field("Thời gian nhận hồ sơ:", "{received_at}"),
        Field("Thời gian hẹn trả kết quả:", "{original_due_at}", bold=True),
        Field("Gia hạn thời gian trả kết quả đến:", "{extended_due_at}", skip_empty=True),
        Handovers(
            step="Bước",
            giver="Bên giao:",
            receiver="Bên nhận:",
            time="Thời gian giao, nhận hồ sơ:",
            step_due="Hạn giải quyết của bước:",
            result="Kết quả giải quyết:",
            note="Ghi chú:",
            giver_sign="NGƯỜI GIAO",
            receiver_sign="NGƯỜI NHẬN",
            sign_hint=SIGN_HINT,
            return_title="Trả kết quả giải quyết hồ sơ cho tổ chức, cá nhân",
            return_giver="Bên giao:",
            return_receiver="Tổ chức, cá nhân nộp hồ sơ",
            blank_title="Bước {n}: (ghi khi giao, nhận hồ sơ)",
            results={"before": "Trước hạn", "on": "Đúng hạn", "after": "Quá hạn"},
        ),
    ),
))


REGISTER = register(FormTemplate(
    form="register",
    legal_version=LEGAL_VERSION,
    effective_from=EFFECTIVE_FROM,
    form_no="Mẫu số 07",
    name="Sổ theo dõi hồ sơ",
    page="A4-landscape",
    labels={
        **NATION,
        "title": "SỔ THEO DÕI HỒ SƠ",
        "period": "Từ ngày {date_from} đến ngày {date_to}",
        "books": "Quyển số: {books}",
        "empty": "Không có hồ sơ nào được tiếp nhận trong thời gian này.",
        "page": "Trang {page}/{pages}",
        "printed": "In ngày {printed}",
        "sheet": "Sổ theo dõi hồ sơ",
    },
    base_size=7.6,
    columns=(
        Column("STT", "no", 0.55),
        Column("Mã hồ sơ", "code", 2.2),
        Column("Tên thủ tục hành chính", "procedure", 2.2, align="left"),
        Column("Số lượng hồ sơ (bộ)", "sets", 0.6),
        Column("Tên cá nhân, tổ chức", "applicant", 1.45, align="left"),
        Column("Địa chỉ, số điện thoại", "address", 1.75, align="left"),
        Column("Cơ quan chủ trì giải quyết", "resolving_unit", 1.35, align="left"),
        Column("Ngày, giờ nhận hồ sơ", "received_at", 0.95),
        Column("Ngày, giờ hẹn trả kết quả", "due_at", 0.95),
        Column("Ngày, giờ", "returned_at", 0.95, group="Trả kết quả"),
        Column("Hình thức", "delivery", 0.85, group="Trả kết quả"),
        Column("Ký nhận", "signature", 0.9, group="Trả kết quả"),
        Column("Ghi chú", "note", 1.2, align="left"),
    ),
))
